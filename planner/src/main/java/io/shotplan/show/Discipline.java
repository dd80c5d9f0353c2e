package io.shotplan.show;

import java.math.BigDecimal;

/** An artist discipline (roto, paint, comp, FX, ...) and its day rate from the show's rate card. */
public record Discipline(String code, String name, BigDecimal dayRate) {
}
