"""What a page shows: checks of its text, HTML made from the checked data, structured data, footer."""
