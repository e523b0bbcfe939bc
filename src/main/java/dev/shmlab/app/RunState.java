package dev.shmlab.app;

/** Where the window's run is: what the controls allow follows from it. */
public enum RunState {
    /** No run: parameters can be edited and Start is possible. */
    IDLE,
    /** Participants are being launched. */
    STARTING,
    RUNNING,
    PAUSED,
    /** Stop was asked; participants are exiting and kernel objects are being removed. */
    STOPPING,
    /** The run is over (finished, failed or stopped) and everything it made is removed. */
    ENDED;

    boolean live() {
        return this == RUNNING || this == PAUSED;
    }
}
