"""One module per view; each has `layout(data, lang, search)` and `register(app, data)`."""
