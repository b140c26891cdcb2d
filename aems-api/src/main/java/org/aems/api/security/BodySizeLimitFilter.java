package org.aems.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than the endpoint takes: a declared Content-Length at once (413, nothing read),
 * a chunked body as soon as it passes the limit ({@link BodyTooLargeException}, also 413). File uploads have
 * their own, larger limit; every other endpoint takes small JSON.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    /** The endpoints that take files (a region, a price series, a day of certified intervals). */
    static final List<RequestMatcher> UPLOADS = List.of(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/registry/import"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/series/*/versions"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/settlement/certified-intervals"));

    private final long maxBody;
    private final long maxUpload;
    private final ProblemWriter problems;

    BodySizeLimitFilter(SecuritySettings settings, ProblemWriter problems) {
        this.maxBody = settings.maxBodySize().toBytes();
        this.maxUpload = settings.maxUploadSize().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = UPLOADS.stream().anyMatch(m -> m.matches(request));
        long limit = upload ? maxUpload : maxBody;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", message(declared, limit, upload));
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Limited(request, limit, upload), response);
    }

    static String message(long size, long limit, boolean upload) {
        return "the request body is " + (size < 0 ? "over " + limit : size) + " bytes; this endpoint takes at most " + limit
                + " bytes (aems.security." + (upload ? "max-upload-size" : "max-body-size") + ")";
    }

    /** Thrown while a chunked body is read past its limit; ApiErrors answers it with 413. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(String message) {
            super(message);
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private final boolean upload;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit, boolean upload) {
            super(request);
            this.limit = limit;
            this.upload = upload;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
        }

        private final class Counting extends ServletInputStream {
            private final ServletInputStream in;
            private long read;

            Counting(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws BodyTooLargeException {
                read += n;
                if (read > limit) {
                    throw new BodyTooLargeException(message(-1, limit, upload));
                }
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }
}
