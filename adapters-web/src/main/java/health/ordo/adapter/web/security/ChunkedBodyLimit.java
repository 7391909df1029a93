package health.ordo.adapter.web.security;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * The body limits counted on the bytes actually received, for bodies that announce no length (chunked): a request whose
 * chunks add up to more than its endpoint takes is answered {@code 413} and its connection closed, without the rest being
 * read. Bodies with a declared length are held to it by the HTTP decoder and checked against the same limits by
 * {@link RequestSizeFilter}. Limits: sign-in endpoints {@code ordo.max-sign-in-body} (16 KiB), inbound documents the
 * server's maximum, every other endpoint {@code ordo.max-json-body} (2 MiB).
 */
@Singleton
class ChunkedBodyLimit implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    /** How much more of a refused body is dropped unread before the connection is closed under the client. */
    private static final long MAX_DISCARDED = 1024 * 1024;

    private final BodyLimits limits;

    ChunkedBodyLimit(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** Adds the counting handler behind the HTTP/1.1 decoder of each connection. */
    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && channel.pipeline().get("ordo-chunked-body-limit") == null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "ordo-chunked-body-limit", new Counter());
            }
        }
    }

    /** Per connection: the limit of the request being received and the bytes of its body so far. */
    private final class Counter extends ChannelInboundHandlerAdapter {
        private long limit = Long.MAX_VALUE;
        private long received;
        private boolean discarding;
        private long discarded;
        private String path = "";

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                discarding = false;
                received = 0;
                path = request.uri();
                limit = HttpUtil.isTransferEncodingChunked(request) || !HttpUtil.isContentLengthSet(request)
                        ? limits.forPath(pathOnly(request.uri())) : Long.MAX_VALUE;
            }
            if (discarding) {
                // the answer is out; the rest of the body is dropped unread until it ends (or grows too long), then the
                // connection closes: a client that is still sending gets to read the 413
                if (msg instanceof HttpContent content) {
                    discarded += content.content().readableBytes();
                }
                boolean last = msg instanceof io.netty.handler.codec.http.LastHttpContent;
                ReferenceCountUtil.release(msg);
                if (last || discarded > MAX_DISCARDED) {
                    ctx.close();
                }
                return;
            }
            if (msg instanceof HttpContent content) {
                received += content.content().readableBytes();
                if (received > limit) {
                    discarding = true;
                    discarded = 0;
                    boolean last = msg instanceof io.netty.handler.codec.http.LastHttpContent;
                    ReferenceCountUtil.release(msg);
                    tooLarge(ctx);
                    if (last) {
                        ctx.close();
                    }
                    return;
                }
            }
            ctx.fireChannelRead(msg);
        }

        private void tooLarge(ChannelHandlerContext ctx) {
            String body = "{\"type\":\"https://ordo.health/problems/payload-too-large\",\"title\":\"The request body is too large\","
                    + "\"status\":413,\"detail\":\"the body is larger than the " + limit + " bytes this endpoint takes\",\"instance\":\""
                    + pathOnly(path).replace("\"", "") + "\"}";
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                    .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                    .set(HttpHeaderNames.CONNECTION, "close");
            ctx.writeAndFlush(response);
        }
    }

    private static String pathOnly(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
