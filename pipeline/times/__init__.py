"""Stage 4a, times: recognize time expressions and normalize them to TIMEX3 values.

``english.find_times`` and ``chinese.find_times`` return :class:`Found` items
(absolute, or relative to the article's running reference date);
``resolve.resolve`` walks them in order and fills in the relative ones.
"""
