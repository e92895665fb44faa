"""Heuristics: per-line measurements, line classes, document context and the line model.

Code only; the model's weights are data (``line_model.json``), the stoplists come from jusText.
"""
