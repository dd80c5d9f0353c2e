package io.shotplan.generation.queue;

/**
 * Frames a worker has finished since it last wrote to its job's row, and the device time they took. The worker's
 * heartbeat writes them, so a frame costs no round trip of its own: a job pays one claim and one completion however
 * many frames it has.
 *
 * @param device the device that ran the last of them; null when there are none
 */
public record FramesDone(int frames, double deviceSeconds, String device) {

    public static final FramesDone NONE = new FramesDone(0, 0, null);

    public FramesDone plus(FrameProcessor.FrameResult frame) {
        return new FramesDone(frames + 1, deviceSeconds + frame.deviceSeconds(), frame.device());
    }

    public FramesDone plus(FramesDone more) {
        return more.frames == 0 && more.deviceSeconds == 0 ? this
                : new FramesDone(frames + more.frames, deviceSeconds + more.deviceSeconds, more.device);
    }

    public boolean isEmpty() {
        return frames == 0 && deviceSeconds == 0;
    }
}
