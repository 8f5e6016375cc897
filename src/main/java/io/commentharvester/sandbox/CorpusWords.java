package io.commentharvester.sandbox;

import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The words of the sandbox's comments: users (a small fixed pool), places and contents. */
final class CorpusWords {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final String[] NICKNAMES = {
        "晚风",
        "云村居民",
        "小羊不吃草",
        "Echo",
        "夏天的风",
        "月亮不睡我不睡",
        "耳机里的海",
        "不吃香菜",
        "Lemon",
        "一只猫咪",
        "🌙夜猫子",
        "星星✨",
        "阿杰",
        "旧时光",
        "听歌的人",
        "momo",
        "张同学",
        "北方的雪",
        "南方姑娘",
        "Kevin_Lee",
        "咸鱼本鱼",
        "奶茶三分糖",
        "失眠患者",
        "路人甲",
        "ccc"
    };
    static final String[] LOCATIONS = {
        "北京", "上海", "广东", "浙江", "四川", "湖北", "江苏", "山东", "福建", "陕西", "重庆", "湖南", "河南", "云南", "香港", "台湾", "美国", "日本"
    };
    static final String[] PHRASES = {
        "这首歌陪我度过了高三",
        "单曲循环一整晚",
        "前奏一响就哭了",
        "有人在听吗",
        "2025年了还有人在听吗",
        "副歌太好听了",
        "想起了那个夏天",
        "评论区的故事比歌还好听",
        "晚安，打工人",
        "听到这里的都是有故事的人",
        "第一次听就爱上了",
        "歌词写到心里去了",
        "那年我们都还小",
        "愿你被这个世界温柔以待",
        "下雨天听更有感觉",
        "so good",
        "this song hits different",
        "lol",
        "真的绝了",
        "我哭死",
        "好听到爆",
        "谁懂啊家人们"
    };
    static final String[] EMOJI = {
        "😂", "🎵", "👍", "❤️", "🌙", "😭", "🔥", "🥺", "✨", "🎧", "☀", "💔", "🙏", "😊", "𠮷"
    };
    static final String[] ODDITIES = {
        "\"原唱\"才是yyds", "路径是C:\\music\\歌单\\", "\\n 不是换行", "他说：\"别走\"", "反斜杠\\\\两个",
        "{\"json\":\"不是\"}", "<b>不是标签</b>", "a&b=c", "tab\there", "100%好听"
    };

    private CorpusWords() {}

    static ObjectNode user(int index) {
        long userId = 30_000_000L + (long) index * 104_729L + index * index;
        ObjectNode user = NODES.objectNode();
        CommentCorpus.putInteger(user, "userId", userId);
        user.put("nickname", NICKNAMES[index]);
        user.put(
                "avatarUrl",
                "https://p1.music.126.net/" + Long.toUnsignedString(CommentCorpus.mix(userId), 36) + "==/"
                        + (109_951_163_000_000_000L + userId) + ".jpg");
        user.put("vipType", index % 3 == 0 ? 11 : 0);
        user.put("authStatus", 0);
        user.putNull("remarkName");
        return user;
    }

    static int users() {
        return NICKNAMES.length;
    }

    static String content(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int kind = random.nextInt(100);
        if (kind < 8) {
            // a long one: several sentences, with line breaks
            while (text.length() < 320) {
                text.append(PHRASES[random.nextInt(PHRASES.length)]);
                int sep = random.nextInt(6);
                text.append(sep == 0 ? "\n" : sep == 1 ? EMOJI[random.nextInt(EMOJI.length)] : "，");
            }
            text.append("。");
            return text.toString();
        }
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                text.append(random.nextInt(5) == 0 ? "\n" : " ");
            }
            text.append(
                    random.nextInt(6) == 0
                            ? ODDITIES[random.nextInt(ODDITIES.length)]
                            : PHRASES[random.nextInt(PHRASES.length)]);
            if (random.nextInt(3) == 0) {
                text.append(EMOJI[random.nextInt(EMOJI.length)]);
            }
        }
        return text.toString();
    }
}
