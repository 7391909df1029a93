package health.ordo.application.port.in.routing;

/** Returns claims that were not started within their queue's reservation timeout to READY (run by a scheduler). */
public interface ReleaseExpiredReservationsUseCase {

    /** @return how many claims went back to READY */
    int releaseExpired(int limit);
}
