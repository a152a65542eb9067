package io.tradeloom.launcher.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;

/** Whether something on this machine already listens on a port. */
public final class Ports {

    private Ports() {
    }

    /** True when the port cannot be bound on all interfaces, which is how a service binds it. */
    public static boolean inUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** True when the URL's host is this machine, so a port check here says something about it. */
    public static boolean isLocal(URI url) {
        try {
            InetAddress address = InetAddress.getByName(url.getHost());
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }
}
