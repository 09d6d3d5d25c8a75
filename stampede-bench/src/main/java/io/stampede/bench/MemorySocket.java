package io.stampede.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A socket that is never connected: every read replays the same answer, every write is dropped, so
 * a benchmark of the transport measures its own work, not the network's.
 */
final class MemorySocket extends Socket {
    private final byte[] answer;
    private final InputStream in = new InputStream() {
        private int pos;

        @Override
        public int read() {
            int b = answer[pos] & 0xff;
            pos = (pos + 1) % answer.length;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            // one whole answer per read, as a loopback socket usually hands it over
            int n = Math.min(len, answer.length - pos);
            System.arraycopy(answer, pos, b, off, n);
            pos = (pos + n) % answer.length;
            return n;
        }
    };
    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    };

    MemorySocket(byte[] answer) {
        this.answer = answer;
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public void setSoTimeout(int timeout) {
    }

    @Override
    public void close() {
    }
}
