package io.caspian.link;

import io.caspian.iso8583.IsoMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one connection does with sign-on, sign-off and echo: answers the peer's, acts on the
 * responses to its own, and tests an idle connection. I/O thread only.
 */
final class NetworkRequests {
    private static final Logger log = LoggerFactory.getLogger(NetworkRequests.class);

    private final NettyLink link;
    private final Connection connection;

    NetworkRequests(NettyLink link, Connection connection) {
        this.link = link;
        this.connection = connection;
    }

    /** The peer's request: always approved; sign-on and sign-off move the state. */
    void answer(IsoMessage request, NetworkCode code) {
        NetworkManagement nm = link.networkManagement();
        connection.writeOwn(nm.response(request, nm.approvedCode()));
        switch (code) {
            case SIGN_ON:
                if (connection.state() == LinkState.CONNECTED) {
                    connection.transitionTo(LinkState.SIGNED_ON, "peer signed on");
                }
                break;
            case SIGN_OFF:
                if (connection.state() == LinkState.SIGNED_ON) {
                    connection.transitionTo(LinkState.CONNECTED, "peer signed off");
                }
                break;
            default:
                link.liveCounters().lastEchoEpochMs.set(link.clock().millis());
        }
    }

    /** A response to a sign-on, sign-off or echo: ours, or late (after a reconnect). */
    void onResponse(IsoMessage response, NetworkCode code) {
        String stan = response.getString(11);
        if (connection.answered(stan, code) == null) {
            log.info("link {} {}: {} response stan {} matches no request of ours; dropped",
                    link.config().name(), connection.remote(), code, stan);
            return;
        }
        boolean approved = link.networkManagement().isApproved(response);
        switch (code) {
            case SIGN_ON:
                connection.signOnDeclined(!approved);
                if (!approved) {
                    log.warn("link {} {}: sign-on declined with {}; retrying when idle",
                            link.config().name(), connection.remote(), response.getString(39));
                } else if (connection.state() == LinkState.CONNECTED) {
                    connection.transitionTo(LinkState.SIGNED_ON, "sign-on approved");
                }
                break;
            case ECHO:
                link.liveCounters().lastEchoEpochMs.set(link.clock().millis());
                break;
            default:
                log.info("link {} {}: sign-off answered with {}", link.config().name(),
                        connection.remote(), response.getString(39));
        }
    }

    /**
     * Idle for echoInterval: retry a declined sign-on, else test the line with an echo,
     * unless one is already on its way (its own timer closes the connection).
     */
    void onIdle() {
        if (connection.state() == LinkState.DISCONNECTED || connection.echoOutstanding()) {
            return;
        }
        boolean retrySignOn = connection.state() == LinkState.CONNECTED
                && connection.signOnDeclined() && !link.operatorSignedOff();
        connection.sendNetworkRequest(retrySignOn ? NetworkCode.SIGN_ON : NetworkCode.ECHO);
    }
}
