from django.apps import AppConfig


class BenchmarkingConfig(AppConfig):
    name = "scorecard.benchmarking"
    label = "benchmarking"
    verbose_name = "Benchmarking"

    def ready(self) -> None:
        from scorecard import panels

        from .selectors import indicator_panel

        panels.register("indicator", indicator_panel)
