"""Readers of the page formats bicorpus ingests."""
