"""From what a person gives to entries worth writing: the typed flow of `add-question`.

`request` holds what was asked for and the candidate entries, each value with where it
came from; `sources` reads candidates from a YAML, CSV or Excel file, with positions;
`interview` asks at a terminal for what is missing; `validation` checks a candidate
once and locates every finding where its value came from.
"""
