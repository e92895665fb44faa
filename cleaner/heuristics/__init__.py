"""Heuristics: per-line measurements, line classes, document context and the line model.

- :mod:`.features` measures each line, :mod:`.classes` sorts it (good, near, short, bad),
  :mod:`.stoplists` reads jusText's stoplists and guesses the language, :mod:`.wrapping` joins
  the pieces of a paragraph that a scraper broke.
- :mod:`.context` finds the main text and gathers, per line, what surrounds it; it draws on
  :mod:`.datelines` (a story's first paragraph), :mod:`.related_boxes` (teaser boxes between two
  paragraphs), :mod:`.lists` (lists the text introduces, numbered lists, runs of data),
  :mod:`.data_boxes` ("key: value" facts, results) and :mod:`.structures` (which lines belong to
  the article's lists and boxes: pros and cons, ingredients, a summary, an interview).
- :mod:`.headline` finds the document's headline and standfirst, :mod:`.liveblog` a live blog's
  entry times, :mod:`.repetition` a line that restates the whole document; :mod:`.scoring` holds
  the line model.

Code only; the model's weights are data (``line_model.json``), the word lists too (``*.txt``, read
by :mod:`.wordlists`), and the stoplists come from jusText.
"""
