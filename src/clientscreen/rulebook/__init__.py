"""The rulebook and its tools: the model and its strict YAML loader, lint, score arithmetic, golden cases,
the impact of an edit (diff) and the CSV template. All core: no typer, rich or printing."""
