package io.shotplan.app.cli;

import io.shotplan.generation.bench.GenerationBenchmark;
import io.shotplan.generation.bench.ScaleOutBench;
import io.shotplan.plan.shot.ShowScaleBench;
import io.shotplan.psplib.PsplibBench;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** The benchmarks behind docs/benchmarks.md, each with the options of its own main class. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: psplib (planner engine on PSPLIB MRCPSP), scale (planner on generated seasons), generation (up-res speed and dispatch overhead).",
        subcommands = {BenchCommand.Psplib.class, BenchCommand.Scale.class, BenchCommand.Generation.class,
                BenchCommand.ScaleOut.class})
class BenchCommand {

    /** Arguments after the sub-command, handed to the benchmark's own parser. */
    abstract static class PassThrough implements Callable<Integer> {
        @Unmatched
        List<String> arguments = new ArrayList<>();

        String[] args() {
            return arguments.toArray(String[]::new);
        }
    }

    @Command(name = "psplib", description = "DIR [--time-limit 10s] [--threads 1] [--out results.csv] [--sample N] [--seed S]: "
            + "solve every .mm instance of DIR and compare with the reference table beside it (jNNopt.mm / jNNhrs.mm).")
    static class Psplib extends PassThrough {
        @Override
        public Integer call() {
            PsplibBench.run(PsplibBench.parse(args()), System.out);
            return 0;
        }
    }

    @Command(name = "scale", description = "Planner on generated seasons of 1,000, 5,000 and 20,000 shots (see docs/benchmarks.md).")
    static class Scale extends PassThrough {
        @Override
        public Integer call() {
            ShowScaleBench.main(args());
            return 0;
        }
    }

    @Command(name = "generation", description = "x2 up-res frames per second, GFLOP/s against matMul, dispatch overhead (see docs/benchmarks.md).")
    static class Generation extends PassThrough {
        @Override
        public Integer call() throws Exception {
            GenerationBenchmark.main(args());
            return 0;
        }
    }

    @Command(name = "scale-out", description = "seed|run: the database side of generation/bench/scale-out.sh, which starts the worker processes.")
    static class ScaleOut extends PassThrough {
        @Override
        public Integer call() {
            return new CommandLine(new ScaleOutBench()).execute(args());
        }
    }
}
