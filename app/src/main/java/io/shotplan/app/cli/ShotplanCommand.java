package io.shotplan.app.cli;

import picocli.CommandLine.Command;

@Command(name = "shotplan", mixinStandardHelpOptions = true, version = "shotplan 0.1.0",
        description = "Plans VFX shots as AI or traditional work, schedules them, runs the AI shots and reports cost.",
        subcommands = {DemoCommand.class, ServeCommand.class, io.shotplan.app.imports.ImportCommand.class,
                io.shotplan.app.imports.ExportCommand.class,
                PlanCommand.class, DispatchCommand.class, ReportCommand.class, io.shotplan.generation.WorkerMain.class, ArchiveCommand.class,
                BenchCommand.class})
class ShotplanCommand {
}
