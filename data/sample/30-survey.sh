# Step 3: a brand-perception survey — what people who have not bought yet expect from a neighbourhood bakery.
# Passers-by answer on a card at the window (anonymous); prospects answer when they drop in.
# Ravi and Anita have already bought by June, so their answers count in the `customer` segment.
at 2026-06-01T09:00 survey create "bakery perception" \
  --question "expect:text:What do you expect from a neighbourhood bakery?" \
  --question "price:scale:How fair do our prices look? (1 = far too dear, 5 = very fair)" \
  --question "recommend:nps:How likely are you to recommend us to a friend?" \
  --question "reason:choice(taste|price|friendliness|location):What would bring you in most?"

# Anonymous passers-by, on cards left at the window.
r() { local when="$1"; shift; at "$when" survey respond "bakery perception" "$@"; }
r 2026-06-03T18:05 --answer "expect=Fresh bread in the evening, not just mornings" --answer price=3 --answer recommend=7 --answer reason=location
r 2026-06-05T18:20 --answer "expect=A friendly face and warm bread" --answer price=4 --answer recommend=8 --answer reason=friendliness
r 2026-06-09T17:50 --answer "expect=Cheap bread" --answer price=2 --answer recommend=5 --answer reason=price
r 2026-06-14T11:30 --answer "expect=Real sourdough, fresh every day" --answer price=3 --answer recommend=9 --answer reason=taste
r 2026-06-20T12:10 --answer price=2 --answer recommend=6 --answer reason=price
r 2026-06-27T18:40 --answer "expect=Cakes for birthdays without ordering a week ahead" --answer price=3 --answer recommend=7 --answer reason=taste
r 2026-07-04T10:15 --answer "expect=Fresh bread and a smile" --answer price=4 --answer recommend=9 --answer reason=friendliness
r 2026-07-11T18:25 --answer "expect=Open late so I can buy bread after work" --answer price=3 --answer recommend=4 --answer reason=location
r 2026-07-19T09:45 --answer "expect=Good coffee with fresh pastries" --answer price=3 --answer recommend=8 --answer reason=taste
r 2026-07-26T17:35 --answer recommend=3 --answer reason=price

# Prospects who have shown interest, asked in the shop or by email.
r 2026-06-04T18:00 --prospect ravi.sen@example.com --answer "expect=Fresh bread when I pass by at six" --answer price=4 --answer recommend=8 --answer reason=location
r 2026-06-08T10:30 --prospect anita.rao@example.com --answer "expect=Beautiful custom cakes" --answer price=3 --answer recommend=9 --answer reason=taste
r 2026-06-12T16:00 --prospect "Tomás Ortega" --answer "expect=Real sourdough bread" --answer price=4 --answer recommend=10 --answer reason=taste
r 2026-06-16T09:20 --prospect priya@example.org --answer "expect=Custom wedding cakes and someone who listens" --answer price=2 --answer recommend=7 --answer reason=friendliness
r 2026-06-22T18:45 --prospect lena.fischer@example.de --answer "expect=Bread still fresh in the evening" --answer price=3 --answer recommend=6 --answer reason=location
r 2026-06-29T11:10 --prospect sam.okafor@example.com --answer "expect=Croissants like in Paris" --answer price=3 --answer recommend=9 --answer reason=taste
r 2026-07-06T15:30 --prospect meera.iyer@example.in --answer "expect=Fresh bread without a long queue" --answer price=4 --answer recommend=8 --answer reason=taste
r 2026-07-14T08:55 --prospect hannah.b@example.de --answer "expect=Cakes that are safe for nut allergies" --answer price=2 --answer recommend=10 --answer reason=friendliness
r 2026-07-21T17:40 --prospect "Arjun Das" --answer price=3 --answer recommend=6 --answer reason=price
r 2026-07-28T12:35 --prospect chloe.martin@example.fr --answer "expect=Tastings and friendly bakers" --answer price=4 --answer recommend=9 --answer reason=friendliness
r 2026-08-05T16:25 --prospect yuki.tanaka@example.jp --answer "expect=Sourdough with a real crust" --answer price=5 --answer recommend=10 --answer reason=taste
unset -f r
