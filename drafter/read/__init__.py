"""Read: a YAML file (or one in a pre-Unicode encoding) into plain data, with the line of every field."""
