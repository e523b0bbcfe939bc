package dev.shmlab.cli;

import dev.shmlab.InvalidInputException;
import dev.shmlab.layout.SegmentFormatException;
import dev.shmlab.ShmlabException;
import dev.shmlab.os.Errno;
import dev.shmlab.os.NativeException;
import dev.shmlab.shm.NoSuchObjectException;
import dev.shmlab.shm.ObjectRegistry;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into exactly one line on stderr, {@code shmlab: <what happened>; <what to
 * do>}, and an exit code: {@link Main#EXIT_FAILED} when the operation failed,
 * {@link Main#EXIT_USAGE} for bad usage or input. With {@code --debug} the stack trace follows.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler, IExitCodeExceptionMapper {
    private final boolean debug;

    ErrorHandler(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int getExitCode(Throwable failure) {
        return failure instanceof InvalidInputException || failure instanceof ParameterException
                || failure instanceof SegmentFormatException
                ? Main.EXIT_USAGE
                : Main.EXIT_FAILED;
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        report(command, failure, failure.getMessage() + "; " + helpHint(command));
        return getExitCode(failure);
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
        report(command, failure, message(failure, command));
        return getExitCode(failure);
    }

    private static String message(Exception failure, CommandLine command) {
        return switch (failure) {
            case InvalidInputException e -> e.getMessage() + "; " + helpHint(command);
            case NoSuchObjectException e when e.ref().kind() == ObjectRegistry.Kind.FILE -> e.getMessage() + "; give the path of an existing file";
            case NoSuchObjectException e -> e.getMessage() + "; list objects with 'shmlab ls'";
            case NativeException e -> e.getMessage() + "; " + nativeHint(e.errno());
            case SegmentFormatException e -> e.getMessage() + "; list shmlab's own segments with 'shmlab ls'";
            case ShmlabException e -> e.getMessage();
            case UncheckedIOException e -> e.getMessage() + ": " + e.getCause().getMessage();
            default -> "internal error: " + failure + "; run again with --debug for the stack trace";
        };
    }

    private static String nativeHint(int errno) {
        return switch (errno) {
            case Errno.EACCES, Errno.EPERM -> "check the object's owner and mode with 'shmlab ls'";
            case Errno.ENOENT, Errno.EINVAL, Errno.EIDRM -> "list objects with 'shmlab ls'";
            default -> "run again with --debug for details";
        };
    }

    private static String helpHint(CommandLine command) {
        return "see '" + command.getCommandSpec().qualifiedName() + " --help'";
    }

    private void report(CommandLine command, Exception failure, String message) {
        PrintWriter err = command.getErr();
        err.println("shmlab: " + message.replaceAll("\\R+", " ").strip());
        if (debug) {
            failure.printStackTrace(err);
        }
        err.flush();
    }
}
