# Step 2: the year's relationships — touches, stages, follow-ups, cadences, conversions, referrals, consent.
# Sourced by data/build-sample.sh after the prospects exist; prospects are named, never numbered, so other
# steps may add people before this one. The README demo runs "today" = 2026-11-23.

# daily <from> <to> <time> <args…>: the same touch every evening from one day to another (inclusive).
daily() {
  local day="$1" last="$2" time="$3"; shift 3
  while [[ "$day" < "$last" || "$day" == "$last" ]]; do
    at "${day}T${time}" "$@"
    day=$(date -u -d "$day + 1 day" +%F)
  done
}

# Ravi: a passer-by at six every evening. Mitra greets him daily; he greets back, tastes, sees the kitchen, buys.
by mitra 2026-01-05T17:15 prospect cadence "Ravi Sen" 1d
daily 2026-01-06 2026-01-07 18:05 touch log "Ravi Sen" greeting "waved through the window" --direction out --by mitra
by mitra 2026-01-08T18:02 touch log "Ravi Sen" greeting "he greeted first and stopped to look at the cakes" --direction in --outcome positive
daily 2026-01-09 2026-01-26 18:05 touch log "Ravi Sen" greeting --direction out --by mitra
by mitra 2026-01-27T18:10 touch log "Ravi Sen" sample "a slice of cardamom cake, came back for a second" --direction out --outcome positive --stage engaged
daily 2026-01-28 2026-02-02 18:05 touch log "Ravi Sen" greeting --direction out --by mitra
by mitra 2026-02-03T18:20 touch log "Ravi Sen" visit "showed him the kitchen and the sourdough starter" --direction in --outcome positive --follow-up 2026-02-10 --next "ask about his daughter's birthday"
by mitra 2026-02-10T18:15 touch log "Ravi Sen" greeting "daughter turns 8 on the 15th; asked for a quote" --direction in --stage intent
by mitra 2026-02-14T11:30 convert "Ravi Sen" --value 1800 --currency INR --product "birthday cake"
by mitra 2026-02-14T11:35 prospect cadence "Ravi Sen" 1w
# …and he brings his father and two friends: a customer who refers becomes an advocate.
by mitra 2026-03-01T10:40 prospect add "Suresh Sen" --phone "+91 98300 44444" --source referral --referred-by "Ravi Sen" --tag bread --owner mitra --note "Ravi's father; likes rye"
by mitra 2026-03-05T17:30 prospect add "Kabir Roy" --email kabir.roy@example.in --source referral --referred-by "Ravi Sen" --tag coffee --owner mitra
by mitra 2026-03-05T17:32 prospect add "Imran Ali" --email imran.ali@example.in --source referral --referred-by "Ravi Sen" --tag cakes --owner mitra
by mitra 2026-03-01T10:45 touch log "Suresh Sen" tasting "rye and seeded loaves" --direction in --outcome positive --stage engaged
by mitra 2026-04-02T09:10 convert "Suresh Sen" --value 950 --currency INR --product "weekly rye loaf"
by mitra 2026-03-12T08:40 touch log "Kabir Roy" visit "morning coffee" --direction in
by mitra 2026-05-20T08:40 touch log "Kabir Roy" visit "coffee and a croissant" --direction in --outcome positive
by mitra 2026-05-20T08:45 convert "Kabir Roy" --value 420 --currency INR --product "office breakfast box"
by mitra 2026-03-06T18:00 touch log "Imran Ali" message "sent the cake menu" --direction out
by mitra 2026-10-30T17:00 touch log "Imran Ali" call "wants a cake for his parents' anniversary" --direction in --stage intent --follow-up 2026-11-23 --next "invite him for a tasting"
# Ravi stays close: a weekly hello all year.
for d in 2026-03-20 2026-04-17 2026-05-15 2026-06-19 2026-07-17 2026-08-21 2026-09-18 2026-10-16 2026-11-09 2026-11-16; do
  by mitra "${d}T18:05" touch log "Ravi Sen" greeting --direction out
done

# Anita: Instagram follower → sample → custom cake; she sends Zara, so she becomes an advocate too.
by mitra 2026-01-10T09:00 touch log "Anita Rao" social "liked the lemon tart post, asked the price" --direction in
by mitra 2026-01-16T16:00 touch log "Anita Rao" sample "lemon tart at the counter" --direction in --outcome positive --stage engaged
by mitra 2026-03-02T12:00 touch log "Anita Rao" message "quote for a 2 kg custom cake" --direction out --stage intent
by mitra 2026-03-20T15:00 convert "Anita Rao" --value 2400 --currency INR --product "custom cake"
by mitra 2026-06-08T13:30 prospect edit "Zara Ahmed" --referred-by "Anita Rao"
by mitra 2026-06-09T10:00 touch log "Zara Ahmed" message "birthday cake ideas" --direction out

# Priya: a wedding, slow and careful — the revised quote is overdue.
by mitra 2026-01-20T10:00 touch log "Priya Nair" email "wedding in December, 120 guests" --direction in --stage engaged
by mitra 2026-02-15T15:00 touch log "Priya Nair" meeting "tasting of three sponges" --direction in --outcome positive --stage intent
by mitra 2026-11-02T11:00 touch log "Priya Nair" call "guest list grew to 150" --direction in --follow-up 2026-11-20 --next "send the revised wedding quote"

# The European neighbours pay in rupees like everyone else; Rossi Events, an agency in Milan, pays in euros.
by mitra 2026-02-12T10:00 touch log "Hannah Becker" email "nut-free options?" --direction in --stage engaged
by mitra 2026-02-20T16:00 convert "Hannah Becker" --value 3400 --currency INR --product "nut-free cake"
by joel 2026-02-23T12:45 touch log "Chloé Martin" tasting "loved the pain au levain" --direction in --outcome positive --stage engaged
by joel 2026-03-10T11:00 convert "Chloé Martin" --value 2600 --currency INR --product "tasting box"
by mitra 2026-04-12T10:00 touch log "Sofia Rossi" meeting "Rossi Events: three weddings this season" --direction in --stage engaged
by mitra 2026-06-20T10:00 touch log "Sofia Rossi" tasting "wedding cake tasting" --direction in --outcome positive --stage intent
by mitra 2026-09-12T10:00 convert "Sofia Rossi" --value 480 --currency EUR --product "wedding cake"
by joel 2026-05-03T10:00 touch log "Isabel Costa" event "met again at the spring market" --direction in --stage engaged --follow-up 2026-12-01 --next "Christmas stollen pre-order"

# Rhythms: Yuki's fortnightly sourdough call has slipped; Dev is greeted daily; Grace gets a weekly coffee hello.
by mitra 2026-03-08T16:30 prospect cadence "Yuki Tanaka" 2w
by mitra 2026-11-05T16:30 touch log "Yuki Tanaka" call "starter is doing well" --direction out
by mitra 2026-11-04T09:50 prospect cadence "Dev Patel" 1d
daily 2026-11-16 2026-11-22 08:30 touch log "Dev Patel" greeting --direction out --by mitra
by mitra 2026-11-10T09:00 touch log "Dev Patel" greeting "asked about the oat flat white" --direction in --outcome positive --stage engaged
by mitra 2026-05-09T10:00 prospect cadence "Grace Lee" 1w
by mitra 2026-11-18T10:00 touch log "Grace Lee" visit "coffee and a cinnamon roll" --direction in
by mitra 2026-10-15T17:30 touch log "Laura Svensson" website "looked at Christmas cakes"
by mitra 2026-11-10T12:00 prospect follow-up "Laura Svensson" 2026-11-23 "call about the Christmas order"
by mitra 2026-08-04T10:00 touch log "Nadia Haddad" email "wedding in spring" --direction in --stage engaged --follow-up 2026-11-26 --next "send the spring tasting dates"

# A lost one and a do-not-contact one.
by joel 2026-01-13T10:00 touch log "Tomás Ortega" visit "bought nothing, asked about rye" --direction in
by joel 2026-05-10T10:00 prospect lose "Tomás Ortega" --reason "moved to Madrid"
by joel 2026-01-25T18:00 touch log "Lena Fischer" website "read the allergen page"
by joel 2026-04-02T09:00 prospect do-not-contact "Lena Fischer" --note "asked by email not to be contacted"

# Everyone else: a word here and there — some go quiet (`precrm stale` finds them), some have a plan.
by joel 2026-02-05T12:00 touch log "Samuel Okafor" social "asked if we ship to London" --direction in
by mitra 2026-02-07T15:45 touch log "Meera Iyer" tasting "seeded rye at the market" --direction in --outcome positive --stage engaged
by mitra 2026-09-19T10:30 touch log "Meera Iyer" visit "bought nothing, asked about spelt" --direction in
by joel 2026-03-04T09:00 touch log "Kofi Mensah" social "shared our croissant reel" --direction in
by mitra 2026-10-28T16:00 touch log "Fatima Zahra" email "birthday cake for her son, in December" --direction in --stage engaged --follow-up 2026-12-01 --next "send the kids' cake catalogue"
by joel 2026-06-16T10:00 touch log "Ethan Walker" meeting "Walker Logistics: Friday breakfast for 40" --direction in --stage intent
by joel 2026-11-12T10:00 touch log "Ethan Walker" email "trial order next month" --direction out --follow-up 2026-12-04 --next "confirm the trial breakfast"
by mitra 2026-06-23T17:40 touch log "Mei Chen" event "tasting evening" --direction in --outcome positive
by mitra 2026-11-11T08:15 touch log "Rohan Gupta" visit "espresso before work" --direction in
by joel 2026-10-20T11:00 touch log "Jonas Larsen" visit "asked for rye" --direction in --outcome neutral
by mitra 2026-11-14T15:00 touch log "Clara Novak" event "Christmas market stand" --direction in --outcome positive --stage engaged
