# Step 1b: the sign-up sheet from the Saturday market stall, imported as a CSV. Tomás and Meera were
# already known (merged: Tomás gains his email and a tag), the other three are new.
at 2026-05-09T18:30 import prospects data/market-signups.csv --map "Interested in=tags" --map "Stall helper=owner"
