package io.shotplan.show;

import java.math.BigDecimal;

/** A pool of identical GPUs, priced per GPU-hour, available some hours a day. */
public record GpuPool(String code, String gpuType, int gpuCount, BigDecimal hourlyRate, BigDecimal hoursPerDay) {

    public BigDecimal gpuHoursPerDay() {
        return hoursPerDay.multiply(BigDecimal.valueOf(gpuCount));
    }
}
