package io.shotplan.show;

import java.math.BigDecimal;
import java.time.LocalDate;

public record Episode(String code, String title, LocalDate deliveryDate, BigDecimal budget) {
}
