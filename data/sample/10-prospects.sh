# Step 1: the people Mitra's bakery met in 2026 — walk-ins, Instagram followers, market visitors, referrals.
at 2026-01-05T17:10 prospect add "Ravi Sen" --email ravi.sen@example.com --phone "+91 98300 11111" --source walk-in --stage aware --tag evening --owner mitra --note "passes the shop every evening at six"
at 2026-01-09T10:20 prospect add "Anita Rao" --email anita.rao@example.com --source instagram --tag cakes --owner mitra
at 2026-01-12T16:45 prospect add "Tomás Ortega" --phone "+34 612 345 678" --source market --tag bread --owner joel
at 2026-01-19T09:05 prospect add "Priya Nair" --email priya@example.org --source website --tag cakes --tag wedding --owner mitra --company "Nair & Co"
at 2026-01-24T18:30 prospect add "Lena Fischer" --email lena.fischer@example.de --source walk-in --stage aware --tag evening --owner joel
at 2026-02-02T11:15 prospect add "Samuel Okafor" --email sam.okafor@example.com --phone "+44 7700 900123" --source instagram --tag pastries --owner joel
at 2026-02-07T15:40 prospect add "Meera Iyer" --email meera.iyer@example.in --source market --tag bread --owner mitra
at 2026-02-11T08:50 prospect add "Hannah Becker" --email hannah.b@example.de --source website --tag cakes --owner mitra --field "allergy=nuts"
at 2026-02-18T17:55 prospect add "Arjun Das" --phone "+91 98300 22222" --source walk-in --stage aware --tag evening --owner mitra
at 2026-02-23T12:30 prospect add "Chloé Martin" --email chloe.martin@example.fr --source event --tag tasting --owner joel
at 2026-03-03T10:00 prospect add "Kofi Mensah" --email kofi@example.com --source instagram --tag pastries --owner joel
at 2026-03-08T16:20 prospect add "Yuki Tanaka" --email yuki.tanaka@example.jp --source market --tag bread --tag sourdough --owner mitra
at 2026-03-14T09:40 prospect add "Fatima Zahra" --email fatima.z@example.com --source website --tag cakes --tag birthday --owner mitra
at 2026-03-21T18:05 prospect add "Oliver Brown" --email oliver.brown@example.co.uk --source walk-in --stage aware --owner joel
at 2026-03-29T13:10 prospect add "Isabel Costa" --email isabel.costa@example.pt --source event --tag tasting --owner joel
at 2026-04-04T11:25 prospect add "Nikhil Sharma" --phone "+91 98300 33333" --source instagram --tag cakes --owner mitra
at 2026-04-10T15:00 prospect add "Sofia Rossi" --email sofia.rossi@example.it --source website --tag wedding --owner mitra --company "Rossi Events"
at 2026-04-17T17:45 prospect add "Daniel Kim" --email daniel.kim@example.com --source walk-in --tag evening --owner joel
at 2026-04-25T10:35 prospect add "Amara Eze" --email amara.eze@example.com --source market --tag bread --owner joel
at 2026-05-02T14:15 prospect add "Lucas Dubois" --email lucas.dubois@example.fr --source event --tag tasting --owner mitra
at 2026-05-09T09:55 prospect add "Grace Lee" --email grace.lee@example.com --source instagram --tag pastries --tag coffee --owner mitra
at 2026-05-16T16:30 prospect add "Mateo García" --email mateo.garcia@example.es --source website --tag cakes --owner joel
at 2026-05-24T18:10 prospect add "Aisha Khan" --phone "+44 7700 900456" --source walk-in --stage aware --tag evening --owner mitra
at 2026-06-01T11:50 prospect add "Noah Schmidt" --email noah.schmidt@example.de --source market --tag sourdough --owner joel
at 2026-06-08T13:25 prospect add "Zara Ahmed" --email zara.ahmed@example.com --source instagram --tag birthday --owner mitra
at 2026-06-15T10:05 prospect add "Ethan Walker" --email ethan.walker@example.com --source website --tag corporate --owner joel --company "Walker Logistics"
at 2026-06-23T17:35 prospect add "Mei Chen" --email mei.chen@example.com --source event --tag tasting --owner mitra
at 2026-07-01T09:15 prospect add "Rohan Gupta" --email rohan.gupta@example.in --source walk-in --tag coffee --owner mitra
at 2026-07-09T15:45 prospect add "Elena Petrova" --email elena.petrova@example.com --source instagram --tag cakes --owner joel
at 2026-07-18T12:40 prospect add "Jonas Larsen" --email jonas.larsen@example.dk --source market --tag bread --owner joel
at 2026-08-03T16:55 prospect add "Nadia Haddad" --email nadia.haddad@example.com --source website --tag wedding --owner mitra
at 2026-08-19T10:30 prospect add "Kwame Asante" --phone "+233 24 123 4567" --source walk-in --stage aware --owner joel
at 2026-09-06T14:20 prospect add "Clara Novak" --email clara.novak@example.cz --source event --tag tasting --owner mitra
at 2026-09-27T11:10 prospect add "Ibrahim Musa" --email ibrahim.musa@example.com --source instagram --tag pastries --owner joel
at 2026-10-15T17:25 prospect add "Laura Svensson" --email laura.svensson@example.se --source website --tag cakes --owner mitra
at 2026-11-04T09:45 prospect add "Dev Patel" --email dev.patel@example.com --source walk-in --tag coffee --owner mitra
