using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CaseManagement.Api.Tests.Production;

/// <summary>
/// The Api executable serving https in a process of its own. Clients trust exactly its TLS
/// certificate (pinned by hash), as nothing else vouches for a self-signed one.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _pinnedHash;

    public ApiProcess(ProcessStartInfo start, Uri address, string tlsPfx, string tlsPassword)
    {
        Address = address;
        using (var tls = X509CertificateLoader.LoadPkcs12FromFile(tlsPfx, tlsPassword))
        {
            _pinnedHash = tls.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>What the process wrote so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A client of the server; a browser keeps cookies and does not follow redirects.</summary>
    public HttpClient Client(bool browser = false) =>
        new(new HttpClientHandler
        {
            AllowAutoRedirect = !browser,
            UseCookies = browser,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate?.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256) == _pinnedHash,
        })
        { BaseAddress = Address };

    /// <summary>Polls <c>/health/ready</c> until it answers 200; fails with the process's output if it exits or two minutes pass.</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var client = Client();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"the server exited with {(_process.HasExited ? _process.ExitCode : 0)}: {Output}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail("the server was not ready within two minutes: " + Output);
    }

    /// <summary>Stops the server as an orchestrator does (SIGTERM, then a kill after 30 s) and waits for it to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await terminate.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
