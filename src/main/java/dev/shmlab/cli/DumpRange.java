package dev.shmlab.cli;

import dev.shmlab.InvalidInputException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The bytes of an object to dump, from {@code --offset} and {@code --bytes}, checked against its size. */
record DumpRange(long offset, long lengthBytes) {
    /** How much is dumped when {@code --bytes} is not given (less when the object is smaller). */
    static final long DEFAULT_BYTES = 256;

    /** Checks the options against an object of sizeBytes (more than 0); null options take their defaults. */
    static DumpRange of(Long offset, Long bytes, long sizeBytes) {
        long start = offset == null ? 0 : offset;
        if (start < 0 || start >= sizeBytes) {
            throw new InvalidInputException("--offset: must be between 0 and " + (sizeBytes - 1) + " for this "
                    + sizeBytes + "-byte object (got " + start + ")");
        }
        long available = sizeBytes - start;
        long length = bytes == null ? Math.min(DEFAULT_BYTES, available) : bytes;
        if (length < 1 || length > available) {
            throw new InvalidInputException("--bytes: must be between 1 and " + available + ", the bytes from offset "
                    + start + " to the end of this " + sizeBytes + "-byte object (got " + length + ")");
        }
        return new DumpRange(start, length);
    }

    /** Parses a byte count or offset in decimal or 0x-hex. */
    public static final class NumberConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.decode(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected a whole number such as 256 or 0x100 (got '" + value + "')");
            }
        }
    }
}
