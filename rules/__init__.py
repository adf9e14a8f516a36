"""Built-in rule families. Each module is a pluggy plugin registered through the
``lint_article`` entry-point group, exactly like a third-party plugin."""
