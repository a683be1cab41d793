"""Steps on the written site: link check, embed pages, security headers, feed, gzip copies."""
