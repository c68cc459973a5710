"""Sphinx configuration for the collection's offline site (built by scripts/build_site.py).

The build tree is assembled in build/site-src/ from this folder, generated pages and copies of
the notebooks; this file is copied there unchanged. Nothing here may reach the network: the
notebooks are rendered from their stored outputs, and no CDN script or font is referenced.
"""

project = "FRUS Document 88: a notebook edition"
author = "FRUS Document 88 notebook project contributors"
copyright = "FRUS Document 88 notebook project contributors; code MIT, data CC0"

extensions = ["myst_nb"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
templates_path = ["_templates"]
html_static_path = ["_static"]
html_css_files = ["site.css"]
# A local favicon: without one the browser asks the server for /favicon.ico and logs a 404.
html_favicon = "_static/favicon.png"

# Render the stored outputs; never start a kernel.
nb_execution_mode = "off"
# Widgets would load require.js and the widget manager from a CDN; the collection has none.
nb_ipywidgets_js: dict[str, dict[str, str]] = {}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
suppress_warnings = ["myst.header"]

html_theme = "sphinx_book_theme"
html_title = "Schifter to Shultz, 1987: a notebook edition"
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    # No launch buttons, repository buttons or analytics: each would point the page outwards.
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "show_navbar_depth": 1,
    "article_footer_items": ["how-to-cite.html"],
}
html_context = {"default_mode": "light"}
