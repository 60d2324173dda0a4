"""eventalign: aligned bilingual event records from English and Chinese wiki articles.

The library and the CLI are the same thing: everything ``eventalign`` does on
the command line is a function here (``pipeline.runner.run_corpus`` …).
"""

__version__ = "0.1.0"
