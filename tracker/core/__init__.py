"""Pure rules: the plan's model, months, how a task stands, trends, figures read from Chinese text."""
