"""Presentation: plotly charts by kind, pydeck maps and display tables, from DataFrames."""
