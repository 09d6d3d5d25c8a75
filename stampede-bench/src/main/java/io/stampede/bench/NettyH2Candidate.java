package io.stampede.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrame;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Netty 4.2 candidate of {@link Http2Candidates}: one event loop (one thread) for all users, a
 * channel per user with Http2FrameCodec and Http2MultiplexHandler, a child stream channel per request,
 * the virtual thread waiting on a future. TLS uses the JDK's engine with ALPN "h2" (the same TLS as the
 * other candidates), cleartext is prior knowledge.
 */
final class NettyH2Candidate implements Http2Candidates.Client {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final URI url;
    private final SslContext ssl;

    NettyH2Candidate(URI url) throws Exception {
        this.url = url;
        this.ssl = "https".equals(url.getScheme()) ? SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .trustManager(InsecureTrustManagerFactory.INSTANCE)
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ApplicationProtocolNames.HTTP_2))
                .build() : null;
    }

    @Override
    public Http2Candidates.Caller connect() throws Exception {
        Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), url.getHost(), url.getPort()));
                        }
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().build(),
                                new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
                    }
                }).connect(url.getHost(), url.getPort()).sync().channel();
        Http2StreamChannelBootstrap streams = new Http2StreamChannelBootstrap(channel);
        String authority = url.getHost() + ":" + url.getPort();
        return () -> {
            CompletableFuture<Integer> status = new CompletableFuture<>();
            Http2StreamChannel stream = streams.open().syncUninterruptibly().getNow();
            stream.pipeline().addLast(new SimpleChannelInboundHandler<Http2StreamFrame>() {
                int code;

                @Override
                protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame frame) {
                    if (frame instanceof Http2HeadersFrame h) {
                        if (h.headers().status() != null) {
                            code = h.headers().getInt(":status", 0);
                        }
                        if (h.isEndStream()) {
                            status.complete(code);
                        }
                    } else if (frame instanceof Http2DataFrame d) {
                        ByteBuf content = d.content();
                        byte[] copy = new byte[content.readableBytes()];
                        content.readBytes(copy);
                        if (d.isEndStream()) {
                            status.complete(code);
                        }
                    }
                }

                @Override
                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                    status.completeExceptionally(cause);
                }
            });
            DefaultHttp2Headers headers = new DefaultHttp2Headers();
            headers.method("GET").scheme(url.getScheme()).authority(authority).path(url.getRawPath());
            headers.add("user-agent", "stampede-bench");
            stream.writeAndFlush(new DefaultHttp2HeadersFrame(headers, true));
            try {
                return status.get(60, TimeUnit.SECONDS);
            } finally {
                stream.close();
            }
        };
    }

    @Override
    public String protocol() {
        return ssl != null ? "h2(alpn)" : "h2c";
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
