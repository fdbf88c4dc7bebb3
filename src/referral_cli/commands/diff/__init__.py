"""`referral diff`: guideline changes between two git revisions, in words.

One module per job:

- `loading`: the guideline files of one snapshot (`store.revisions.Snapshot`, a
  revision or the working tree) as validated models; a missing file counts as empty.
- `changes`: what changed, as plain data (`DiffReport`), compared by id.
- `run`: the command's core, `diff_revisions(root, rev1, rev2, language)`.
- `formats`: the report as text or Markdown, worded from the catalogue.
"""
