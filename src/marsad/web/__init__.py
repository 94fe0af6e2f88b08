"""The newsroom dashboard: Jinja2 templates with htmx (vendored, no build
step, no CDN) over the same library calls as the CLI and the read API."""
