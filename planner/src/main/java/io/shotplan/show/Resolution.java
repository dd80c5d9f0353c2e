package io.shotplan.show;

public record Resolution(int width, int height) {

    public static final Resolution HD = new Resolution(1920, 1080);

    public Resolution {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("resolution must be positive, got " + width + "x" + height);
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    /** Parses "1920x1080". */
    public static Resolution parse(String text) {
        String[] parts = text.trim().toLowerCase().split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected WIDTHxHEIGHT such as 1920x1080, got '" + text + "'");
        }
        return new Resolution(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
