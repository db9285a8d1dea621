"""Tools around the pipeline: the command line and its configuration, golden files, template
checks, batch rendering, `drafter learn` and `drafter serve`."""
