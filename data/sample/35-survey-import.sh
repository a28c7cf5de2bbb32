# Step 3b: the same questions as an online form linked from the shop's Instagram; its CSV export (Google Forms:
# BOM, CRLF, question texts as headers, a Timestamp, an optional Email Address) is imported in one go.
# Sofia answers in July as a prospect (she buys in September); Kabir answers as a customer; an email no prospect
# has is recorded as anonymous. Re-running the import changes nothing.
at 2026-07-25T21:00 import responses "bakery perception" data/perception-form.csv
