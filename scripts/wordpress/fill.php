<?php
// Installs WordPress and fills it with the content Kiln's tests expect, through WordPress's
// own functions (wp_install, wp_insert_user, wp_insert_term, wp_insert_post, attachments).
// Run by start.sh with WORDPRESS_CONFIG naming /etc/wordpress/config-<name>.php.
$url = getenv('KILN_WP_URL');
$_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
$_SERVER['HTTP_HOST'] = parse_url($url, PHP_URL_HOST) . ':' . parse_url($url, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

function check($value, $what) {
  if (is_wp_error($value) || !$value) {
    fwrite(STDERR, "$what failed: " . (is_wp_error($value) ? $value->get_error_message() : 'no result') . "\n");
    exit(1);
  }
  return $value;
}

$admin_password = wp_generate_password(24);
check(wp_install('Kiln test blog', 'ada', 'ada@example.test', true, '', $admin_password), 'wp_install');
update_option('permalink_structure', '/%postname%/');
update_option('blogdescription', 'A WordPress filled by Kiln\'s tests');
// wp_install leaves a post, a page and a draft privacy page: start from nothing.
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1]) as $post) {
  wp_delete_post($post->ID, true);
}

// Ada is the admin (user 1); the payload post needs her unfiltered_html, as a real admin has.
$ada = 1;
wp_update_user(['ID' => $ada, 'display_name' => 'Ada Lovelace', 'user_nicename' => 'ada', 'description' => 'Writes the first programs.']);
$grace = check(wp_insert_user([
  'user_login' => 'grace', 'user_pass' => wp_generate_password(24), 'user_email' => 'grace@example.test',
  'display_name' => 'Grace Hopper', 'user_nicename' => 'grace', 'role' => 'author',
  'description' => 'Finds the bugs.',
]), 'wp_insert_user');
wp_set_current_user($ada);
kses_remove_filters();

$news = check(wp_insert_term('News', 'category', ['slug' => 'news', 'description' => 'What happened']), 'category News')['term_id'];
$guides = check(wp_insert_term('Guides', 'category', ['slug' => 'guides']), 'category Guides')['term_id'];

// A featured image: a small PNG drawn with GD, stored as an attachment with its sizes.
$uploads = wp_upload_dir();
$file = $uploads['path'] . '/kiln-cover.png';
$image = imagecreatetruecolor(320, 200);
imagefill($image, 0, 0, imagecolorallocate($image, 200, 80, 40));
imagepng($image, $file);
$attachment = check(wp_insert_attachment([
  'post_mime_type' => 'image/png', 'post_title' => 'Kiln cover', 'post_status' => 'inherit',
  'post_content' => '', 'post_excerpt' => 'The cover of the first post',
], $file), 'wp_insert_attachment');
wp_update_attachment_metadata($attachment, wp_generate_attachment_metadata($attachment, $file));
update_post_meta($attachment, '_wp_attachment_image_alt', 'An orange rectangle');

function post($fields) {
  return check(wp_insert_post(array_merge(['post_type' => 'post', 'post_status' => 'publish'], $fields), true), 'post ' . $fields['post_title']);
}

$first = post([
  'post_title' => 'Hello from WordPress', 'post_name' => 'hello-from-wordpress', 'post_author' => $ada,
  'post_date_gmt' => '2024-03-01 10:00:00', 'post_date' => '2024-03-01 10:00:00',
  'post_content' => "<!-- wp:paragraph -->\n<p>The first post, with <strong>bold</strong> words and a <a href=\"https://example.com/\">link</a>.</p>\n<!-- /wp:paragraph -->",
  'post_excerpt' => 'The first post.',
  'post_category' => [$news], 'tags_input' => ['kiln', 'cms'],
]);
set_post_thumbnail($first, $attachment);
wp_update_post(['ID' => $attachment, 'post_parent' => $first]);
post([
  'post_title' => 'Grace’s guide & notes', 'post_name' => 'graces-guide', 'post_author' => $grace,
  'post_date_gmt' => '2024-04-02 09:30:00', 'post_date' => '2024-04-02 09:30:00',
  // Its headings skip from h2 to h4, as editors' posts do: a warning for them, not a failed build.
  'post_content' => '<p>How to find a bug: look for the moth.</p><h2>Tools</h2><h4>A lamp</h4><p>Moths like light.</p>',
  'post_category' => [$guides, $news], 'tags_input' => ['kiln'],
]);
post([
  'post_title' => 'Payload post', 'post_name' => 'payload-post', 'post_author' => $ada,
  'post_date_gmt' => '2024-05-03 08:00:00', 'post_date' => '2024-05-03 08:00:00',
  'post_content' => '<p id="payload-text">Text that must survive.</p>'
    . '<script>window.__kilnPwned = "script"</script>'
    . '<img src="x.png" onerror="window.__kilnPwned = \'onerror\'" alt="broken">'
    . '<a href="javascript:window.__kilnPwned = \'javascript\'" id="payload-link">click me</a>'
    . '<svg onload="window.__kilnPwned = \'svg\'"><circle r="1"></circle></svg>'
    . '<iframe src="javascript:parent.__kilnPwned = \'iframe\'"></iframe>'
    . '<div style="background:url(javascript:alert(1))" onclick="window.__kilnPwned = \'click\'">styled</div>',
  'post_category' => [$news],
]);
post(['post_title' => 'Draft post', 'post_name' => 'draft-post', 'post_status' => 'draft', 'post_author' => $ada, 'post_content' => '<p>DRAFT-BODY must not be published.</p>']);
post(['post_title' => 'Private post', 'post_name' => 'private-post', 'post_status' => 'private', 'post_author' => $ada, 'post_content' => '<p>PRIVATE-BODY must not be published.</p>']);
post(['post_title' => 'Protected post', 'post_name' => 'protected-post', 'post_password' => 'hunter2', 'post_author' => $grace, 'post_content' => '<p>PROTECTED-BODY must not be published.</p>']);
check(wp_insert_post([
  'post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'About this blog', 'post_name' => 'about',
  'post_author' => $ada, 'post_content' => '<p>A WordPress behind a Kiln site.</p>',
], true), 'page About');

flush_rewrite_rules();
echo "filled\n";
