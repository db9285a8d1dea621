"""Compose: the event through its template (sandboxed Jinja, filters, the words file) into blocks,
built once into the document every writer receives."""
