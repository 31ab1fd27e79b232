# %% [markdown]
# # parley from Python, cell by cell
#
# Run it as a script (`python python/examples/notebook.py` from the project
# root) or open it in Jupyter/VS Code, which read the `# %%` cells. It needs
# the package (see python/README.md) and pandas.

# %%
import json
import pathlib
import tempfile

import pandas as pd

import parley

ROOT = pathlib.Path(__file__).resolve().parents[2] if "__file__" in globals() else pathlib.Path.cwd()

# %% [markdown]
# ## One sentence
# Strings are documents; `date` is the publication date relative dates
# ("on Thursday") are resolved against.

# %%
events = parley.code(["Russia rejected Ukraine's invitation to a peace summit on Thursday."],
                     date="2024-07-11")
event = events[0]
print(event["event"], event["cameo"], event["actor"]["code"], "->", event["recipient"]["code"], event["date"])
print("why:", event["rule"], event["evidence"])

# %% [markdown]
# ## Records, as the CLI reads them, into a DataFrame

# %%
lines = (ROOT / "examples" / "wire-briefs.jsonl").read_text(encoding="utf-8").splitlines()
articles = pd.DataFrame.from_records([json.loads(line) for line in lines if line.strip()])
frame = parley.code_frame(articles)
print(frame[["doc_id", "date", "event", "cameo", "actor_code", "recipient_code", "trigger_text"]])

# %% [markdown]
# Counts by dyad and type: ordinary pandas from here on.

# %%
print(frame.groupby(["actor_code", "recipient_code", "event"], dropna=False).size()
      .sort_values(ascending=False).head(10))

# %% [markdown]
# ## Sentences, actors and the parse

# %%
print(parley.sentences(articles.to_dict("records"))[:2])
print(parley.actors(articles.to_dict("records"))[:2])
print(parley.parse(["Kyiv welcomed the offer."])[0])

# %% [markdown]
# ## A store: ingest, then query events and stories

# %%
with tempfile.TemporaryDirectory() as tmp:
    store = parley.Store(f"{tmp}/parley.db", create=True)
    done = store.ingest(articles.to_dict("records"))
    print({k: v for k, v in done.items() if k not in ("events", "failures")})
    print(store.events(limit=5)[["date", "event_type", "actor_code", "recipient_code"]])
    print(store.stories().head())

# %% [markdown]
# ## Bad records
# A record that cannot be read raises `ParleyError` naming it; the others
# still run, and `errors="warn"` keeps going.

# %%
try:
    parley.code([{"id": "fine", "text": "Kyiv welcomed the offer."}, {"id": "empty"}])
except parley.ParleyError as err:
    print("ParleyError:", err)
