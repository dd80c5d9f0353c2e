package io.shotplan.show;

/** How a shot gets done: by artists, by an in-house AI capability on our GPUs, or by an external AI vendor. */
public sealed interface WorkMode {

    /** The stored name of the mode's kind: TRADITIONAL, AI or AI_VENDOR. */
    String kind();

    /** A short label for people: "traditional" or the capability code. */
    String label();

    /** The mode's name in files, pins and hand bids: {@value #TRADITIONAL_CODE} or the capability code. */
    String code();

    record Traditional() implements WorkMode {
        public String kind() {
            return "TRADITIONAL";
        }

        public String label() {
            return "traditional";
        }

        public String code() {
            return TRADITIONAL_CODE;
        }
    }

    record InHouseAi(AiCapability capability) implements WorkMode {
        public String kind() {
            return "AI";
        }

        public String label() {
            return capability.code();
        }

        public String code() {
            return capability.code();
        }
    }

    record VendorAi(AiCapability capability) implements WorkMode {
        public String kind() {
            return "AI_VENDOR";
        }

        public String label() {
            return capability.code() + " (" + capability.vendor() + ")";
        }

        public String code() {
            return capability.code();
        }
    }

    String TRADITIONAL_CODE = "TRADITIONAL";

    WorkMode TRADITIONAL = new Traditional();

    static WorkMode of(AiCapability capability) {
        return capability.isExternalVendor() ? new VendorAi(capability) : new InHouseAi(capability);
    }
}
