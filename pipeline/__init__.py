"""The site's build, in the order it runs: data/ (load and check docs/_data
and front matter) → pages/ (what each page shows) → after_build/ (links,
embed pages, security headers, compression of the written site).  urls.py
maps source files to built files and addresses for all three.  Plain Python,
called by the mkdocs-macros glue in macros/__init__.py."""
