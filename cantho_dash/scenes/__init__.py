"""Scenes: what one screen shows (figures, tables, headline numbers, captions), composed once from
the facts and used alike by the pages, the briefing wall and the meeting pack."""
