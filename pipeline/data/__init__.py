"""Load and check the data files (docs/_data/*.yml) and the pages' front matter."""
