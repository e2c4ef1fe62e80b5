package dev.orderflow.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.orderflow.gateway.web.RequestIdFilter;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details for the requests the gateway rejects before any of its own code runs: Netty refuses a request
 * line or headers it cannot decode (a raw control character, a line or header too long: 400, 414, 431), Spring's
 * HTTP adapter a URI it cannot parse (a malformed %-encoding: 400). Both answer a bare status with an empty body,
 * past {@link ProblemDetailsErrorHandler}, so a Netty handler gives those answers a problem body on their way out.
 * <p>
 * They are told apart by what they lack: every answer of the gateway's web handler carries an {@code X-Request-Id}
 * ({@link RequestIdFilter}), these have none (and get one here).
 */
@Component
public class UnreadableRequestProblems implements NettyServerCustomizer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ProblemBody PROBLEM_BODY = new ProblemBody();

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            // Between the HTTP codec and reactor-netty's traffic handler, which writes those answers.
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, "orderflow.unreadableRequestProblems", PROBLEM_BODY);
            }
        });
    }

    @ChannelHandler.Sharable
    static final class ProblemBody extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof FullHttpResponse response && isBareRejection(response)) {
                context.write(withProblemBody(response), promise);
            } else {
                context.write(message, promise);
            }
        }

        private static boolean isBareRejection(FullHttpResponse response) {
            return response.status().code() >= 400 && !response.content().isReadable()
                    && !response.headers().contains(RequestIdFilter.HEADER);
        }

        private static FullHttpResponse withProblemBody(FullHttpResponse response) {
            String requestId = UUID.randomUUID().toString();
            byte[] body = JSON.writeValueAsBytes(problem(response.status().code(), requestId));
            FullHttpResponse withBody = response.replace(Unpooled.wrappedBuffer(body));
            response.release();
            withBody.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(RequestIdFilter.HEADER, requestId);
            return withBody;
        }

        private static Map<String, Object> problem(int status, String requestId) {
            HttpStatus known = HttpStatus.resolve(status);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("title", known == null ? "Error " + status : known.getReasonPhrase());
            problem.put("status", status);
            problem.put("detail", "The request could not be read: its request line or headers are malformed or too long");
            problem.put("requestId", requestId);
            return problem;
        }
    }
}
