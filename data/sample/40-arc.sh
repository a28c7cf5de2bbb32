# Step 4: the whole arc — the passers-by counted before they have names, an unnamed regular who is named
# later, samples before buying, first and repeat purchases, a birthday to remember, and what the survey's
# answers led to. The shop's money is rupees (INR); Rossi Events' wedding cake (step 2) is the one sale in euros.
# New people are added here, after everyone else, so the ids of the earlier steps stay as they were.

# buy <staff> <date-time> <prospect> <rupees> <product>: one purchase at the counter.
buy() { local who="$1" when="$2" whom="$3" value="$4"; shift 4; by "$who" "$when" purchase log "$whom" --value "$value" --currency INR --product "$1"; }
# answer <date-time> <prospect> <answers…>: a survey card filled in by a prospect in the shop.
answer() { local when="$1" whom="$2"; shift 2; at "$when" survey respond "bakery perception" --prospect "$whom" "$@"; }

# Counted, not named: the market stall's slices and the evening greetings at the window, with what the samples cost.
by joel 2026-05-09T13:00 tally log sample 60 --note "Saturday market stall" --cost 1500 --currency INR
by mitra 2026-06-10T19:00 tally log greeting 40 --note "evening rush at the window"
by mitra 2026-09-05T13:00 tally log sample 45 --note "Saturday market stall" --cost 1100 --currency INR
by joel 2026-11-14T18:00 tally log tasting 60 --note "Christmas market stand" --cost 1800 --currency INR
by mitra 2026-11-21T19:00 tally log greeting 40 --note "Saturday evening"

# The young man in the blue scarf: greeted for weeks before Mitra knows his name (he starts at `aware`).
scarf=$(PRECRM_NOW=2026-06-10T18:05:00Z PRECRM_USER=mitra node bin/precrm -q --no-input prospect add \
  --description "blue scarf, passes at six" --source walk-in --tag evening --owner mitra)
by mitra 2026-06-11T18:05 touch log scarf greeting "waved; he nodded" --direction out
by mitra 2026-06-15T18:04 touch log scarf greeting "he said hello first" --direction in --outcome positive
by mitra 2026-06-24T18:06 touch log scarf sample "a saffron bun, still warm" --direction out --outcome positive --stage engaged
answer 2026-07-30T18:10 "$scarf" --answer "expect=The smile at the window every evening" --answer price=4 --answer recommend=9 --answer reason=friendliness
by mitra 2026-08-12T18:08 prospect edit "$scarf" --name "Farid Karimi"
by mitra 2026-08-12T18:10 touch log farid visit "told us his name; asked about rice cookies like his mother's" --direction in --outcome positive --stage intent
buy mitra 2026-08-28T18:05 farid 650 "rice cookies and a rye loaf"
buy mitra 2026-10-09T18:06 farid 1200 "saffron cake for his sister"
buy mitra 2026-11-06T18:04 farid 450 "rye loaf"

# Survey cards from prospects who had not bought yet: what each said, and (below) what they did next.
answer 2026-07-15T08:30 rohan.gupta@example.in --answer "expect=Good espresso at a fair price" --answer price=2 --answer recommend=6 --answer reason=price
answer 2026-08-01T10:00 kofi@example.com --answer "expect=Pastries like the ones in the reel" --answer price=3 --answer recommend=8 --answer reason=friendliness

# Sampled before buying, and back again: Ravi weekly, his father for rye, Chloé after her tasting, Meera from the market.
buy mitra 2026-03-20T18:10 "Ravi Sen" 450 "rye loaf"
buy mitra 2026-05-15T18:10 "Ravi Sen" 900 "cardamom cake"
buy mitra 2026-08-21T18:10 "Ravi Sen" 450 "rye loaf"
buy mitra 2026-11-16T18:10 "Ravi Sen" 450 "rye loaf"
for d in 2026-05-07 2026-07-02 2026-09-03 2026-11-05; do buy mitra "${d}T09:10" "Suresh Sen" 240 "rye loaf"; done
buy joel 2026-06-12T11:00 "Chloé Martin" 1200 "sourdough and pastries"
buy mitra 2026-08-15T10:30 "Meera Iyer" 260 "seeded rye"
buy mitra 2026-09-26T10:30 "Meera Iyer" 300 "spelt loaf"

# Bought without a taste first: most of them bought once.
buy joel 2026-05-02T17:50 "Daniel Kim" 280 "sourdough loaf"
buy mitra 2026-06-17T08:45 "Kabir Roy" 420 "office breakfast box"
buy mitra 2026-09-16T08:45 "Kabir Roy" 420 "office breakfast box"
buy joel 2026-08-20T12:00 "Samuel Okafor" 640 "croissants, picked up on a visit"
buy mitra 2026-09-05T10:00 "Grace Lee" 380 "coffee and a cinnamon roll"
buy mitra 2026-10-10T10:00 "Grace Lee" 380 "coffee and a cinnamon roll"
buy joel 2026-10-20T16:00 "Kofi Mensah" 750 "pastry box"
buy mitra 2026-11-11T08:20 "Rohan Gupta" 600 "espresso beans"

# Birthdays: Ravi's wife's (every year; due reminds from a week before) and Fatima's son's party this December.
by mitra 2026-02-10T18:16 occasion add "Ravi Sen" "wife's birthday" 11-27
by mitra 2026-10-28T16:05 occasion add "Fatima Zahra" "son's birthday" 2026-12-12 --remind 2w
unset -f buy answer
unset scarf
