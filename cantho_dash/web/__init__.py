"""The Streamlit boundary: session, typed cached reads, cached scenes, widgets, sign-in, upload, the unit page and the wall."""
