"""`referral review`: what in the guidelines needs attention now.

One module per job:

- `report`: what needs attention, as plain data (`ReviewReport`), and the command's core
  `run_review(root, today, language)`.
- `formats`: the review as one screen of text and the staff-meeting agenda as Markdown
  or HTML (through the templates `agenda.md.j2` / `agenda.html.j2`), worded from the
  catalogue.
"""
