"""Quality gates over the built site: accessibility, valid HTML, links, page basics, structured data, error messages."""
